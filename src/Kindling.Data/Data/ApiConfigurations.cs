using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class ApiTokenConfig : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(x => x.Name).HasMaxLength(80);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.Property(x => x.Hint).HasMaxLength(16);
        e.HasIndex(x => x.SecretHash).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookConfig : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> e)
    {
        e.Property(x => x.Url).HasMaxLength(2000);
        e.Property(x => x.Secret).HasMaxLength(100);
        e.Property(x => x.Events).HasMaxLength(500);
        e.HasIndex(x => x.CohortId);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfig : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.Property(x => x.Event).HasMaxLength(64);
        e.Property(x => x.LastError).HasMaxLength(1000);
        // The sender's query: due deliveries in order; the log: a webhook's newest first.
        e.HasIndex(x => new { x.State, x.NextAttemptUtc });
        e.HasIndex(x => new { x.WebhookId, x.CreatedUtc });
        e.HasOne<Webhook>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}

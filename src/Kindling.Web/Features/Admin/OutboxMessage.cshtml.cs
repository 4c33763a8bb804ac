using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kindling.Web.Features.Admin;

/// <summary>One message as it was (or will be) sent. Account messages carry sign-in links, so their text is not
/// shown, not even to an admin.</summary>
public sealed class OutboxMessageModel(KindlingDb db) : PageModel
{
    public OutboxMessage Row { get; private set; } = new();
    public MimeMessage? Mail { get; private set; }
    public bool Hidden => Row.Kind == MessageKind.Account;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (row is null)
            return NotFound();
        Row = row;
        using var stream = new MemoryStream(row.Mime);
        Mail = await MimeMessage.LoadAsync(stream);
        return Page();
    }

    public async Task<IActionResult> OnGetEmlAsync(Guid id)
    {
        var row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (row is null || row.Kind == MessageKind.Account)
            return NotFound();
        return File(row.Mime, "message/rfc822", $"{row.Id:N}.eml");
    }
}

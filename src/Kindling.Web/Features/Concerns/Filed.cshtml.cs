using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Concerns;

/// <summary>Shows the receipt link once, right after filing; it is kept nowhere else.</summary>
public class FiledModel(PublicUrls urls) : CohortPageModel
{
    public string? ReceiptUrl { get; private set; }

    public void OnGet()
    {
        ViewData["ConcernLink"] = false;
        if (TempData[NewModel.ReceiptKey] is string token && ReceiptTokens.LooksValid(token))
            ReceiptUrl = urls.For(ReceiptModel.Path(token));
    }
}

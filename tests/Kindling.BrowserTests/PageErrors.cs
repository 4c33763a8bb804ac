using Microsoft.Playwright;

namespace Kindling.BrowserTests;

/// <summary>Collects the script errors pages report (console errors and uncaught exceptions), so a test can assert
/// there were none.</summary>
public static class PageErrors
{
    /// <param name="ignore">Console errors to leave out, e.g. requests the test itself aborts.</param>
    public static List<string> Watch(IEnumerable<IPage> pages, Func<string, bool>? ignore = null)
    {
        var problems = new List<string>();
        foreach (var page in pages)
        {
            page.Console += (_, m) =>
            {
                if (m.Type == "error" && ignore?.Invoke(m.Text) != true)
                    lock (problems)
                        problems.Add(m.Text);
            };
            page.PageError += (_, e) =>
            {
                lock (problems)
                    problems.Add(e);
            };
        }
        return problems;
    }
}

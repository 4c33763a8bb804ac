using System.ComponentModel.DataAnnotations;

namespace Kindling.Web.Features.Projects;

public sealed class ProjectInput
{
    [Required(ErrorMessage = "Give the project a name, for example the community you are building.")]
    [StringLength(120, ErrorMessage = "Keep the name under 120 characters.")]
    [Display(Name = "Project name")]
    public string Name { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Keep the description under 2,000 characters.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }
}

using Microsoft.AspNetCore.Components;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>A page's component: the frame's context and the page's own typed model.</summary>
public abstract class PageView<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public PageContext Page { get; set; } = null!;

    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}

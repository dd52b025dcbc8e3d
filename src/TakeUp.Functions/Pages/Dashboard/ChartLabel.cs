using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace TakeUp.Functions.Pages.Dashboard;

/// <summary>An SVG <c>&lt;text&gt;</c> label on the chart: Razor reserves the tag inside code blocks, so it is built here.</summary>
public sealed class ChartLabel : ComponentBase
{
    [Parameter, EditorRequired] public string X { get; set; } = "0";

    [Parameter, EditorRequired] public string Y { get; set; } = "0";

    [Parameter] public string Anchor { get; set; } = "start";

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", "takeup-chart__label");
        builder.AddAttribute(2, "x", X);
        builder.AddAttribute(3, "y", Y);
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}

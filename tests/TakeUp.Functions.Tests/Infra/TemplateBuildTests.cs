using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>infra/ builds and lints clean with the Bicep CLI, offline, as CI runs it.</summary>
public class TemplateBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_template_and_its_modules_build_with_no_warning_or_error()
    {
        var run = await BicepCli.RunAsync(BicepCli.InfraFolder, "build", BicepCli.MainTemplate, "--stdout");
        Print(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Problems);
        var template = JsonNode.Parse(run.Output)!;
        Assert.Contains("subscriptionDeploymentTemplate.json", (string?)template["$schema"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_linter_finds_nothing_in_the_template_or_its_modules()
    {
        var run = await BicepCli.RunAsync(BicepCli.InfraFolder, "lint", BicepCli.MainTemplate);
        Print(run);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task The_linter_reports_a_problem_it_is_configured_to_find()
    {
        // The two tests above pass on silence; this shows the linter, with the repository's
        // bicepconfig.json, speaks up when there is something to say.
        var folder = Directory.CreateTempSubdirectory("takeup-lint-");
        try
        {
            File.Copy(Path.Combine(BicepCli.InfraFolder, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "untyped.bicep");
            await File.WriteAllTextAsync(file, "param tags object = {}\noutput tags object = tags\n");

            var run = await BicepCli.RunAsync(folder.FullName, "lint", file);
            Print(run);

            Assert.Contains(run.Problems, p => p.Contains("use-user-defined-types", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void Print(BicepRun run)
    {
        foreach (var diagnostic in run.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }
    }
}

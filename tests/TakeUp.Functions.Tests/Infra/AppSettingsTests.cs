using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Startup;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// The template sets on the function app exactly the settings the app and its host read in Azure
/// (<see cref="AzureAppSettings"/>): nothing the app needs is missing, nothing it ignores is set.
/// </summary>
public class AppSettingsTests
{
    private static readonly AzureSettingSource[] SetByTemplate =
        [AzureSettingSource.Template, AzureSettingSource.TemplateWhenGiven, AzureSettingSource.Tuning];

    [Fact]
    public async Task Every_setting_the_app_reads_in_Azure_is_set_by_the_template_when_every_parameter_is_given()
    {
        var settings = (await Deployments.WithEverythingAsync()).AppSettings();

        var missing = AzureAppSettings.All
            .Where(s => SetByTemplate.Contains(s.Source) && !settings.Keys.Any(s.Matches))
            .Select(s => $"{s.Name} ({s.Source}, read by {s.ReadBy})");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_template_sets_no_setting_that_the_app_or_its_host_does_not_read()
    {
        foreach (var deployment in new[] { await Deployments.WithDefaultsAsync(), await Deployments.WithEverythingAsync() })
        {
            var unread = deployment.AppSettings().Keys
                .Select(name => (name, declared: AzureAppSettings.Find(name)))
                .Where(x => x.declared is null || !SetByTemplate.Contains(x.declared.Source))
                .Select(x => x.declared is null ? $"{x.name}: read by nothing" : $"{x.name}: {x.declared.Source}, not the template's to set");
            Assert.Empty(unread);
        }
    }

    [Fact]
    public async Task With_only_the_required_parameters_the_app_gets_its_storage_telemetry_links_and_the_two_default_roles()
    {
        var settings = (await Deployments.WithDefaultsAsync()).AppSettings();

        var expected = AzureAppSettings.From(AzureSettingSource.Template).Select(s => s.Name)
            .Concat(["Auth__AppService__Roles__TakeUpGds__Role", "Auth__AppService__Roles__TakeUpAdmin__Role"])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("gds", settings["Auth__AppService__Roles__TakeUpGds__Role"]);
        Assert.Equal("admin", settings["Auth__AppService__Roles__TakeUpAdmin__Role"]);
    }

    [Fact]
    public async Task Storage_telemetry_and_links_point_at_the_resources_the_template_makes()
    {
        var deployment = await Deployments.WithDefaultsAsync();
        var settings = deployment.AppSettings();
        var identity = (string)deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        Assert.Equal((string)deployment.Single("Microsoft.Storage/storageAccounts")["name"]!, settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Matches($"^{Reads(identity, "clientId")}$", settings["AzureWebJobsStorage__clientId"]!.ToString());
        Assert.Matches($"^ClientId={Reads(identity, "clientId")};Authorization=AAD$", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.ToString());
        Assert.Matches($"^{Reads((string)deployment.Single("Microsoft.Insights/components")["id"]!, "ConnectionString")}$", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]!.ToString());
        Assert.Matches($"^https://{Reads((string)deployment.Single("Microsoft.Web/sites")["id"]!, "defaultHostName")}$", settings["App__PublicUrl"]!.ToString());
    }

    [Fact]
    public void Every_setting_an_options_class_binds_is_declared_with_who_sets_it_in_Azure()
    {
        Assert.Contains(typeof(NotifyOptions), AppOptions.Bound); // the discovery finds what it is meant to
        var undeclared = AppOptions.ByName.Keys.Where(name => !AzureAppSettings.All.Any(s => s.Name == name));

        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task The_tuning_parameter_takes_exactly_the_settings_the_app_reads_with_a_production_default()
    {
        var compiled = await Template.CompiledAsync();
        var tuning = compiled["definitions"]!["tuningSettings"]!;

        Assert.False((bool)tuning["additionalProperties"]!);
        Assert.Equal(
            AzureAppSettings.From(AzureSettingSource.Tuning).Select(s => s.Name).Order(StringComparer.Ordinal),
            tuning["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_role_mapping_parameter_offers_exactly_the_apps_five_roles()
    {
        var compiled = await Template.CompiledAsync();
        var role = compiled["definitions"]!.AsObject().Single(d => d.Key.EndsWith("takeUpRole", StringComparison.Ordinal)).Value!;

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), role["allowedValues"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_settings_the_template_writes_bind_and_validate_in_the_app_over_its_shipped_defaults()
    {
        var settings = (await Deployments.WithEverythingAsync()).AppSettings();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryFolders.Root, "src", "TakeUp.Functions", "appsettings.json"))
            // As App Service hands them over, environment variables with __ for :; deployment-time values made up.
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), Stand(s.Key, s.Value))))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTakeUp(configuration);
        using var provider = services.BuildServiceProvider();

        foreach (var type in AppOptions.Bound)
        {
            // Value runs each class's validation, as ValidateOnStart does when the app starts.
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            Assert.NotNull(options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options));
        }

        var connection = StorageConnection.From(configuration);
        Assert.True(connection.UsesIdentity, connection.Description);
        var roles = provider.GetRequiredService<IOptions<AppServiceAuthOptions>>().Value.Roles;
        Assert.Equal(["carers-allowance", "state-pension-online"], roles["CarersManagers"].Services);
        Assert.Equal("service-manager", roles["CarersManagers"].Role);
        Assert.Equal("dwp", roles["DwpFeed"].Department);
        Assert.True(provider.GetRequiredService<IOptions<NotifyOptions>>().Value.IsConfigured);
        Assert.Equal(new Uri(Deployments.PublicUrl), provider.GetRequiredService<IOptions<AppLinkOptions>>().Value.PublicUrl);
    }

    /// <summary>The pattern of a deployment-time property of a resource the template makes, as a snapshot leaves it.</summary>
    private static string Reads(string resourceId, string property) =>
        $@"«reference\('{Regex.Escape(resourceId)}', '[^']+'\)\.{property}»";

    /// <summary>A stand-in for what only the deployment knows, shaped as the setting expects.</summary>
    private static string? Stand(string name, object? value) => value switch
    {
        string text when !text.Contains('«', StringComparison.Ordinal) => text,
        _ when name.EndsWith("clientId", StringComparison.Ordinal) => "00000000-0000-0000-0000-0000000000c1",
        _ => $"stand-in for {value}",
    };
}

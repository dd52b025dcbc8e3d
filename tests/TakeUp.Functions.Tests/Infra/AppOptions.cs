using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakeUp.Functions.Startup;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>The options classes the app binds from configuration, found in its own registrations.</summary>
internal static class AppOptions
{
    /// <summary>
    /// Every class the app binds with <c>BindConfiguration</c>, which registers a change-token
    /// source for it: a class added to the app tomorrow is found here without anyone listing it.
    /// </summary>
    public static IReadOnlyList<Type> Bound { get; } = Discover();

    /// <summary>Every bound property by the app setting that sets it.</summary>
    public static IReadOnlyDictionary<string, (Type Options, PropertyInfo Property)> ByName { get; } =
        Bound.SelectMany(t => AzureAppSettings.BoundProperties(t).Select(p => (Name: AzureAppSettings.NameOf(t, p), Options: t, Property: p)))
            .ToDictionary(x => x.Name, x => (x.Options, x.Property), StringComparer.Ordinal);

    /// <summary>A property's default, written as an app setting would give it.</summary>
    public static string DefaultText(string setting)
    {
        var (options, property) = ByName[setting];
        return property.GetValue(Activator.CreateInstance(options)) switch
        {
            null => "",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        };
    }

    private static List<Type> Discover()
    {
        var services = new ServiceCollection();
        services.AddTakeUp(new ConfigurationBuilder().Build());
        return services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(AzureAppSettings).Assembly)
            .Distinct()
            .ToList();
    }
}

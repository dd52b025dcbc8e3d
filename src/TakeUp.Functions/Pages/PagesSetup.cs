using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using TakeUp.Functions.Pages.Assets;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Pages;

public static class PagesSetup
{
    /// <summary>What the pages need: rendering, sign-in, anti-forgery, and one key ring for every instance.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddSingleton<PageSignIn>();
        services.AddScoped<PageRenderer>();
        services.AddSingleton<AssetFiles>();

        services.AddDataProtection().SetApplicationName("takeup");
        services.AddSingleton<TableXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<TableXmlRepository>()));

        services.AddAntiforgery(options =>
        {
            options.FormFieldName = PageContext.FormTokenField;
            options.Cookie.Name = "takeup-form";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;

            // PageResult sets X-Frame-Options (and frame-ancestors) on every page itself.
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>
    /// Called last: the framework's hosted service reads the key ring while the host starts; from
    /// table storage that would hold the worker's start for as long as storage does not answer (and
    /// health could not say so). The ring is read when a page first needs it instead. Every
    /// AddDataProtection (authentication and anti-forgery call it too) adds the service back, so
    /// this runs after all of them.
    /// </summary>
    public static IServiceCollection ReadKeyRingOnFirstUse(this IServiceCollection services)
    {
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(preload);
        }

        return services;
    }
}

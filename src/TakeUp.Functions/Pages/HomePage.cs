using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.Functions.Pages;

/// <summary>The site root (host.json's routePrefix is empty so pages live at <c>/</c>).</summary>
public sealed class HomePage
{
    [Function(nameof(HomePage))]
    [AllowAnonymous]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "")] HttpRequest request) => Results.Content(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Digital take-up and assisted digital</title></head>
        <body>
          <h1>Digital take-up and assisted digital</h1>
          <p>Records channel usage and assisted digital support per government service, and reports digital take-up.</p>
          <ul>
            <li><a href="/api/health">Health</a> (<code>GET /api/health</code>)</li>
            <li><a href="/api/openapi.json">OpenAPI description</a> of the API</li>
            <li>Submit daily usage: <code>POST /api/usage</code></li>
            <li>A service's take-up: <code>GET /api/services/{serviceId}/take-up?period=week</code></li>
          </ul>
        </body>
        </html>
        """,
        "text/html; charset=utf-8");
}

using System.Net;
using System.Net.Http.Json;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Auth;

/// <summary>
/// Design invariant 7, endpoint by endpoint: every role (and a caller with no key) against every
/// recording, catalogue and key endpoint. Scopes: the dwp callers act for carers-allowance, the
/// hmrc ones for digital-self-assessment; ingest keys for their department.
/// </summary>
public class AccessMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string Service = "/api/services/carers-allowance";

    public static readonly TheoryData<string, string, string, int> Cases = Build();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_what_its_scope_allows(string caller, string method, string path, int expected)
    {
        var client = fixture.Client(caller);
        path = path.Replace("{receipt}", fixture.DwpReceiptId, StringComparison.Ordinal);

        var response = method switch
        {
            "GET" => await client.GetAsync(path),
            "PUT" => await client.PutAsJsonAsync(path, new { name = "Carer's Allowance", department = "dwp", departmentName = "Department for Work and Pensions" }),
            "DELETE" => await client.DeleteAsync(path),
            _ when path == "/api/usage" => await client.PostAsJsonAsync(path, new { rows = new[] { UsageApi.Row("2026-11-02", "carers-allowance", "online", 2) } }),
            _ => await client.PostAsJsonAsync(path, new { name = "matrix", role = "gds" }),
        };

        Assert.True((int)response.StatusCode == expected,
            $"{caller} {method} {path}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static TheoryData<string, string, string, int> Build()
    {
        var data = new TheoryData<string, string, string, int>();
        void Row(string method, string path, params (string Caller, int Status)[] outcomes)
        {
            foreach (var (caller, status) in outcomes)
            {
                data.Add(caller, method, path, status);
            }
        }

        Row("POST", "/api/usage",
            ("ingest-dwp", 202), ("ingest-defra", 403), ("frontline-dwp", 403), ("manager-dwp", 403), ("gds", 403), ("admin", 403), ("none", 401));
        Row("GET", "/api/usage/receipts/{receipt}",
            ("ingest-dwp", 200), ("ingest-defra", 404), ("gds", 200), ("admin", 200), ("frontline-dwp", 403), ("manager-dwp", 403), ("none", 401));
        Row("GET", "/api/services",
            ("frontline-dwp", 200), ("manager-dwp", 200), ("gds", 200), ("admin", 200), ("ingest-dwp", 200), ("none", 401));
        Row("GET", Service,
            ("frontline-dwp", 200), ("frontline-hmrc", 403), ("manager-dwp", 200), ("manager-hmrc", 403), ("gds", 200), ("admin", 200),
            ("ingest-dwp", 200), ("ingest-defra", 403), ("none", 401));
        Row("PUT", Service,
            ("admin", 200), ("gds", 403), ("manager-dwp", 403), ("frontline-dwp", 403), ("ingest-dwp", 403), ("none", 401));
        foreach (var read in new[] { Service + "/take-up", Service + "/usage/revisions" })
        {
            Row("GET", read,
                ("manager-dwp", 200), ("manager-hmrc", 403), ("gds", 200), ("frontline-dwp", 403), ("admin", 403), ("ingest-dwp", 403), ("none", 401));
        }

        Row("GET", "/api/services/no-such-service/take-up", ("gds", 404));
        Row("POST", "/api/admin/keys", ("admin", 201), ("gds", 403), ("manager-dwp", 403), ("frontline-dwp", 403), ("ingest-dwp", 403), ("none", 401));
        Row("GET", "/api/admin/keys", ("admin", 200), ("gds", 403), ("ingest-dwp", 403), ("none", 401));
        Row("DELETE", "/api/admin/keys/000000000000", ("admin", 404), ("gds", 403), ("none", 401));
        Row("GET", "/api/health", ("none", 200));
        Row("GET", "/api/openapi.json", ("none", 200));
        return data;
    }
}

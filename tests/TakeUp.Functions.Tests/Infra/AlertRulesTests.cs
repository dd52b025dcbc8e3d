using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Trends;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>Operators hear of poison messages, failed invocations and usage feeds that stop arriving.</summary>
public class AlertRulesTests
{
    [Fact]
    public async Task A_message_put_into_any_of_the_apps_poison_queues_raises_an_alert()
    {
        var deployment = await Deployments.WithEverythingAsync();
        var query = Query(deployment, "-poison-messages");

        var queues = Regex.Match(query, @"where Queue in \((?<list>[^)]*)\)").Groups["list"].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(q => q.Trim('"'));
        Assert.Equal(QueueNames.All.Select(q => q + "-poison").Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
        Assert.Contains("StorageQueueLogs", query, StringComparison.Ordinal);
        Assert.Contains("OperationName == \"PutMessage\"", query, StringComparison.Ordinal);

        // The storage account sends the queue write log the rule reads to the workspace the rule queries.
        var workspace = (string)deployment.Single("Microsoft.OperationalInsights/workspaces")["id"]!;
        var writes = deployment.Single("Microsoft.Insights/diagnosticSettings")["properties"]!;
        Assert.Equal(workspace, (string?)writes["workspaceId"]);
        Assert.Contains(writes["logs"]!.AsArray(), l => (string?)l!["category"] == "StorageWrite" && (bool)l["enabled"]!);
    }

    [Fact]
    public async Task A_failed_invocation_raises_an_alert_and_a_callers_mistake_does_not()
    {
        var query = Query(await Deployments.WithEverythingAsync(), "-failed-invocations");

        Assert.StartsWith("AppRequests", query, StringComparison.Ordinal);
        Assert.Contains("Success == false", query, StringComparison.Ordinal);
        Assert.Contains("not(ResultCode startswith \"4\")", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_late_feed_alert_reads_the_message_the_hourly_check_logs_and_notices_the_check_stopping()
    {
        var query = Query(await Deployments.WithEverythingAsync(), "-late-usage-feeds");
        var message = typeof(global::TakeUp.Functions.Logging.Log).GetMethod("FreshnessChecked", BindingFlags.Public | BindingFlags.Static)!
            .GetCustomAttribute<Microsoft.Extensions.Logging.LoggerMessageAttribute>()!.Message;

        // "Data freshness checked for {Count} services: {Late} late" read back field by field.
        var parse = "parse Message with " + Regex.Replace($"\"{message}\"", @"\{(\w+)\}", "\" $1:long \"");
        Assert.Contains(parse, query, StringComparison.Ordinal);
        Assert.Contains($"Message startswith \"{message[..message.IndexOf('{', StringComparison.Ordinal)]}\"", query, StringComparison.Ordinal);
        Assert.Contains("where Late > 0", query, StringComparison.Ordinal);
        Assert.Contains($"OperationName == \"{nameof(CheckDataFreshness)}\" and Success == true", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_alert_goes_to_the_operators_e_mail_when_given_and_still_fires_without_one()
    {
        var everything = await Deployments.WithEverythingAsync();
        var defaults = await Deployments.WithDefaultsAsync();

        var receivers = everything.Single("Microsoft.Insights/actionGroups")["properties"]!["emailReceivers"]!.AsArray();
        Assert.Equal(Deployments.AlertEmail, (string?)Assert.Single(receivers)!["emailAddress"]);
        Assert.Empty(defaults.Single("Microsoft.Insights/actionGroups")["properties"]!["emailReceivers"]!.AsArray());
        foreach (var deployment in new[] { everything, defaults })
        {
            var group = (string)deployment.Single("Microsoft.Insights/actionGroups")["id"]!;
            var rules = deployment.OfType("Microsoft.Insights/scheduledQueryRules").ToList();
            Assert.Equal(3, rules.Count);
            Assert.All(rules, r => Assert.True((bool)r["properties"]!["enabled"]!));
            Assert.All(rules, r => Assert.Equal([group], r["properties"]!["actions"]!["actionGroups"]!.AsArray().Select(g => (string)g!)));
        }
    }

    private static string Query(Deployment deployment, string ruleNameEnd)
    {
        var rule = deployment.Single("Microsoft.Insights/scheduledQueryRules", ruleNameEnd)["properties"]!;
        Assert.Equal((string)deployment.Single("Microsoft.OperationalInsights/workspaces")["id"]!, (string?)Assert.Single(rule["scopes"]!.AsArray()));
        return (string)Assert.Single(rule["criteria"]!["allOf"]!.AsArray())!["query"]!;
    }
}

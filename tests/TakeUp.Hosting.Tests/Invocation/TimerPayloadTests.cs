using System.Text;
using TakeUp.Hosting.Invocation;

namespace TakeUp.Hosting.Tests.Invocation;

public sealed class TimerPayloadTests
{
    [Fact]
    public void A_timer_without_a_schedule_status_reads_as_never_run()
    {
        var timer = Read("""
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{}}}
            """);

        Assert.Equal(new TimerInfo(false, null, null), timer);
    }

    [Fact]
    public void A_late_timer_reports_its_status_and_that_it_is_past_due()
    {
        var timer = Read("""
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"2025-10-25T00:30:00+00:00","Next":"2025-10-26T00:30:00+00:00","LastUpdated":"2025-10-25T00:30:01+00:00"},
              "IsPastDue":true}},"Metadata":{}}
            """);

        Assert.Equal(
            new TimerInfo(true, new DateTimeOffset(2025, 10, 25, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero)),
            timer);
    }

    [Fact]
    public void The_hosts_minimum_date_for_never_reads_as_no_last_run()
    {
        var timer = Read("""
            {"Data":{"timer":{"ScheduleStatus":{"Last":"0001-01-01T00:00:00","Next":"2025-06-02T09:00:00","LastUpdated":"0001-01-01T00:00:00"},"IsPastDue":"false"}}}
            """);

        Assert.Equal(new TimerInfo(false, null, new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero)), timer);
    }

    [Fact]
    public void A_timer_value_serialized_into_a_string_is_read_too()
    {
        var timer = Read("""
            {"Data":{"timer":"{\"ScheduleStatus\":null,\"IsPastDue\":true}"}}
            """);

        Assert.Equal(new TimerInfo(true, null, null), timer);
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(true, "2025-06-01T07:00:00+00:00", "2025-06-01T08:00:00+00:00")]
    [InlineData(false, null, "2025-06-02T09:00:00+00:00")]
    public void A_timer_the_local_runtime_encodes_as_the_host_does_reads_back_unchanged(bool isPastDue, string? last, string? next)
    {
        var original = new TimerInfo(isPastDue, last is null ? null : DateTimeOffset.Parse(last), next is null ? null : DateTimeOffset.Parse(next));

        Assert.Equal(original, TimerTriggerPayload.Read(InvocationRequest.ForTimer(original)));
    }

    private static TimerInfo Read(string json) => TimerTriggerPayload.Read(InvocationRequest.Parse(Encoding.UTF8.GetBytes(json)));
}

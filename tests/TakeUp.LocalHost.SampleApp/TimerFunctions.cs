using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.LocalHost.SampleApp;

public sealed class TimerFunctions(InvocationRecorder recorder)
{
    [Function(nameof(Tick))]
    public void Tick([TimerTrigger("%SampleTimerSchedule%")] TimerInfo timer)
    {
        recorder.Record(new InvocationRecord(nameof(Tick), "", new Dictionary<string, string>
        {
            ["IsPastDue"] = timer.IsPastDue.ToString(CultureInfo.InvariantCulture),
            ["Last"] = timer.ScheduleStatus?.Last.ToString("O", CultureInfo.InvariantCulture) ?? "",
            ["Next"] = timer.ScheduleStatus?.Next.ToString("O", CultureInfo.InvariantCulture) ?? "",
        }));
    }
}

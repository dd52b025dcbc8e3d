namespace TakeUp.Storage.Tests.Infrastructure;

public static class UniqueNames
{
    public static string Table() => "t" + Guid.NewGuid().ToString("N");

    public static string Queue() => "q" + Guid.NewGuid().ToString("N");
}

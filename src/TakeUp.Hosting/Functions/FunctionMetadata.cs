namespace TakeUp.Hosting;

/// <summary>
/// Endpoint metadata marking an endpoint as the Azure Function <see cref="Name"/>. The function
/// catalog is built from every endpoint carrying it, so the endpoint is the declaration.
/// </summary>
public sealed class FunctionMetadata
{
    public FunctionMetadata(string name)
    {
        FunctionNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => $"Function {Name}";
}

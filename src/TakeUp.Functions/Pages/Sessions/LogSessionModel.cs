using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Home;

namespace TakeUp.Functions.Pages.Sessions;

public sealed record LogSessionModel(ServiceLink Service, SessionForm Form, FormErrors Errors);

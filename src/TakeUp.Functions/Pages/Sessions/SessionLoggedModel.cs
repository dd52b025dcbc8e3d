using TakeUp.Domain.Assisted;
using TakeUp.Functions.Pages.Home;

namespace TakeUp.Functions.Pages.Sessions;

public sealed record SessionLoggedModel(ServiceLink Service, AssistedSession Session, bool JustLogged);

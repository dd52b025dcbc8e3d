// Types and names shared by main.bicep and its modules.

@export()
@description('Names of the app\'s secrets in Key Vault.')
var secretNames = {
  notifyApiKey: 'notify-api-key'
  webhookSigningSecret: 'webhook-signing-secret'
}

@export()
@description('The five roles of docs/access.md.')
type takeUpRole = 'frontline' | 'service-manager' | 'gds' | 'admin' | 'ingest'

@export()
@sealed()
@description('An Entra ID app role mapped to one of the app\'s roles and its scope (Auth:AppService:Roles in the app).')
type appRoleMapping = {
  @description('The app role\'s value in the Entra ID app registration. Letters, digits and underscores only: App Service on Linux turns "." in a setting name into "_", and the app matches the value exactly.')
  appRole: string

  role: takeUpRole

  @description('The services a frontline or service-manager role may act on.')
  services: string[]?

  @description('The department an ingest role submits usage for.')
  department: string?
}

@export()
@sealed()
@description('Settings the app reads with a production default (README, Settings); give one only to change it. Values are app setting strings.')
type tuningSettings = {
  @description('Storage:NamePrefix: put before every table name, when several copies share one account.')
  Storage__NamePrefix: string?

  @description('Retention:IdempotencyRecords, a TimeSpan such as 30.00:00:00.')
  Retention__IdempotencyRecords: string?

  @description('Retention:UsageReceipts, a TimeSpan such as 400.00:00:00.')
  Retention__UsageReceipts: string?

  @description('Trends:HistoryYears, 1 to 10.')
  Trends__HistoryYears: string?

  @description('Trends:MaxConcurrentComputations, 1 to 64 per instance.')
  Trends__MaxConcurrentComputations: string?

  @description('Trends:MinimumWeeklyVolume: below this a week is not judged.')
  Trends__MinimumWeeklyVolume: string?

  @description('Notify:BaseUrl: the GOV.UK Notify API.')
  Notify__BaseUrl: string?

  @description('Webhooks:Timeout, a TimeSpan such as 00:00:10.')
  Webhooks__Timeout: string?
}

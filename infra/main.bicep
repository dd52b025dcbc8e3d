// One environment of the digital take-up service: `azd up` provisions this and deploys
// src/TakeUp.Functions to it (azure.yaml). docs/operations.md, "Deploying to Azure", says what it
// makes and why. The modules under core/ and app/ follow the shape of Azure Verified Modules,
// written here because the public module registry is not reachable from where this is built.

targetScope = 'subscription'

import { appRoleMapping, tuningSettings } from 'app/shared.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; with the subscription and location it makes every resource name unique.')
param environmentName string

@minLength(1)
@description('Region for every resource (Flex Consumption must be offered there).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string = 'uksouth'

@description('Name of the resource group; empty: rg-{environmentName}.')
param resourceGroupName string = ''

@minLength(36)
@maxLength(36)
@description('Application (client) id of the Entra ID app registration people sign in with; its app roles are mapped by appRoleMappings.')
param authClientId string

@description('Entra ID app roles and the app roles they grant (docs/access.md). Scoped roles (service-manager, frontline, ingest) are added per deployment with their services or department.')
param appRoleMappings appRoleMapping[] = [
  {
    appRole: 'TakeUpGds'
    role: 'gds'
  }
  {
    appRole: 'TakeUpAdmin'
    role: 'admin'
  }
]

@secure()
@description('GOV.UK Notify API key, kept in Key Vault; empty: alert and digest e-mails are recorded as skipped.')
param notifyApiKey string = ''

@description('GOV.UK Notify template id for alert e-mails.')
param notifyAlertTemplateId string = ''

@description('GOV.UK Notify template id for the weekly digest.')
param notifyDigestTemplateId string = ''

@secure()
@description('Secret alert webhooks are signed with, kept in Key Vault; empty: webhooks are recorded as skipped.')
param webhookSigningSecret string = ''

@description('Address people reach the service at, for links in alerts (a custom domain); empty: the function app\'s own address.')
param publicUrl string = ''

@description('Settings the app reads with a production default, to change them (README, Settings).')
param appTuning tuningSettings = {}

@minValue(1)
@maxValue(1000)
@description('Most instances Flex Consumption may scale out to; bounds cost and the load on the storage account.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each instance: a trend computation holds a service\'s history.')
param instanceMemoryMB int = 2048

@description('Address the operators\' alerts are e-mailed to; empty: nobody is e-mailed.')
param alertEmail string = ''

@description('Failed invocations in 15 minutes above which the failure alert fires.')
@minValue(0)
param failureAlertThreshold int = 0

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-${resourceToken}'

// The queues of src/TakeUp.Functions/Storage/QueueNames.cs; the Infra tests check they match.
var queues = [
  'usage-batches'
  'trend-jobs'
  'alerts'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module keyVault 'core/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    notifyApiKey: notifyApiKey
    webhookSigningSecret: webhookSigningSecret
  }
}

module roles 'core/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module plan 'app/plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: 'plan-${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  // The host reads its storage and the platform its Key Vault references as soon as the app starts.
  dependsOn: [
    roles
  ]
  params: {
    name: functionAppName
    location: location
    tags: tags
    planId: plan.outputs.resourceId
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    publicUrl: publicUrl
    keyVaultUri: keyVault.outputs.vaultUri
    notifyApiKey: notifyApiKey
    webhookSigningSecret: webhookSigningSecret
    notifyAlertTemplateId: notifyAlertTemplateId
    notifyDigestTemplateId: notifyDigestTemplateId
    appRoleMappings: appRoleMappings
    tuning: appTuning
  }
}

module authentication 'app/authentication.bicep' = {
  name: 'authentication'
  scope: rg
  params: {
    siteName: functionApp.outputs.name
    clientId: authClientId
  }
}

module alerts 'core/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: 'takeup-${resourceToken}'
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    alertEmail: alertEmail
    poisonQueues: map(queues, q => '${q}-poison')
    freshnessFunctionName: 'CheckDataFreshness'
    freshnessMessagePrefix: 'Data freshness checked for '
    failureThreshold: failureAlertThreshold
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

// The function app on the Flex Consumption plan, its app settings and its deployment source.
// The app settings are exactly those of src/TakeUp.Functions/Startup/AzureAppSettings.cs that
// a deployment sets (tests/TakeUp.Functions.Tests/Infra checks both ways). FUNCTIONS_WORKER_RUNTIME
// and FUNCTIONS_EXTENSION_VERSION are not among them: Flex Consumption takes the runtime from
// functionAppConfig and does not take those settings.

import { appRoleMapping, secretNames, tuningSettings } from 'shared.bicep'

param name string
param location string
param tags { *: string } = {}

param planId string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: the host, the app and Application Insights pick it by this.')
param identityClientId string

param storageAccountName string

@description('The storage account\'s blob endpoint (with its trailing slash).')
param blobEndpoint string

param deploymentContainerName string

param applicationInsightsConnectionString string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Address people reach the app at, for links in alerts; empty: the app\'s own https address.')
param publicUrl string

@description('The Key Vault holding the app\'s secrets (its URI, with the trailing slash).')
param keyVaultUri string

// The secrets themselves, only to know whether each was given: the app settings refer to Key
// Vault and never hold them.
@secure()
param notifyApiKey string

@secure()
param webhookSigningSecret string

param notifyAlertTemplateId string
param notifyDigestTemplateId string

param appRoleMappings appRoleMapping[]

param tuning tuningSettings

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve as the app's identity (the default would be a system identity it has not got).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// azd deploys through the blob container with Entra ID; nothing needs publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Auth:AppService:Roles:{appRole}:Role, :Services:N and :Department (AppServiceAuthOptions).
var roleSettings = reduce(appRoleMappings, {}, (settings, mapping) => union(
  settings,
  { 'Auth__AppService__Roles__${mapping.appRole}__Role': mapping.role },
  mapping.?department == null ? {} : { 'Auth__AppService__Roles__${mapping.appRole}__Department': mapping.department! },
  toObject(
    range(0, length(mapping.?services ?? [])),
    i => 'Auth__AppService__Roles__${mapping.appRole}__Services__${i}',
    i => mapping.services![i]
  )
))

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    {
      // The account by identity, for the host and the app alike (StorageConnection).
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // Read by the host, which sends the worker's logs on; local (key) auth is off, hence the identity.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // Links in alert e-mails, webhooks and digests; the app's default is localhost.
      App__PublicUrl: empty(publicUrl) ? 'https://${site.properties.defaultHostName}' : publicUrl
    },
    // Versionless references, so a new version of a secret reaches the app without a redeployment.
    empty(notifyApiKey) ? {} : { Notify__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.notifyApiKey})' },
    empty(notifyAlertTemplateId) ? {} : { Notify__AlertTemplateId: notifyAlertTemplateId },
    empty(notifyDigestTemplateId) ? {} : { Notify__DigestTemplateId: notifyDigestTemplateId },
    empty(webhookSigningSecret) ? {} : { Webhooks__SigningSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.webhookSigningSecret})' },
    roleSettings,
    tuning
  )
}

output name string = site.name
output resourceId string = site.id
output defaultHostName string = site.properties.defaultHostName

// The app's two secrets: the GOV.UK Notify API key and the webhook signing secret. The app
// reads them as ordinary settings (Notify__ApiKey, Webhooks__SigningSecret) whose values are
// Key Vault references, resolved by the platform with the app's identity. Each secret is
// written only when the deployment is given it; without it the app records e-mails or webhooks
// as skipped (docs/alerts.md).

import { secretNames } from '../app/shared.bicep'

param name string
param location string
param tags { *: string } = {}

@secure()
@description('GOV.UK Notify API key; empty: no secret, and no e-mails are sent.')
param notifyApiKey string = ''

@secure()
@description('HMAC secret alert webhooks are signed with; empty: no secret, and no webhooks are sent.')
param webhookSigningSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC only: the app's identity holds Key Vault Secrets User, nobody holds an access policy.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource notifySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(notifyApiKey)) {
  parent: vault
  name: secretNames.notifyApiKey
  properties: {
    value: notifyApiKey
  }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookSigningSecret)) {
  parent: vault
  name: secretNames.webhookSigningSecret
  properties: {
    value: webhookSigningSecret
  }
}

output name string = vault.name
output resourceId string = vault.id
output vaultUri string = vault.properties.vaultUri

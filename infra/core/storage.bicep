// The storage account: the Functions host's leases, timers and deployment package (blobs), and
// the app's tables and queues. Reached by identity only: shared keys are off.
//
// Tables and queues are not declared here: the app creates every table of TableNames.All and
// every queue of QueueNames.All (with its -poison queue) on first start (StorageInitializer),
// with the data roles the identity holds. Declaring them too would be a second list to keep in
// step with the code, and a name added to the code would still be created by the app.

param name string
param location string
param tags { *: string } = {}

@description('Blob container the Flex Consumption app deploys its package from.')
param deploymentContainerName string

@description('Log Analytics workspace that receives the queue service\'s write log (the poison-queue alert reads it).')
param logAnalyticsWorkspaceId string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_ZRS'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

// Every write to a queue, so an alert can see a message put into a poison queue: the queue
// metrics (QueueMessageCount) are per account, with no queue dimension.
resource queueWrites 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-writes'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
    ]
  }
}

output name string = account.name
output resourceId string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name

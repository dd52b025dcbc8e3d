// The user-assigned identity the function app uses for everything: storage, Application
// Insights, Key Vault references and its own deployment package. User-assigned rather than
// system-assigned so the role assignments can be made before the app exists and survive it.

@description('Name of the identity.')
param name string

param location string
param tags { *: string } = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output resourceId string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

// The Flex Consumption plan (FC1, Linux only): scales to zero, per-function scaling, identity-based deployment.

param name string
param location string
param tags { *: string } = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

output resourceId string = plan.id

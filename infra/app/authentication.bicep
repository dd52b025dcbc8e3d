// App Service Authentication (Entra ID) in front of the app. People are signed in by the
// platform, which hands the app their claims, app roles included, in X-MS-CLIENT-PRINCIPAL
// (docs/access.md); the app trusts that header only because the platform sets
// WEBSITE_AUTH_ENABLED, and the platform strips it from incoming requests.
//
// Browsers are sent to sign in. Three path prefixes are let through unauthenticated, for the
// app or the host to answer themselves:
//   /api/*    the API answers 401 problem+json (or takes an API key, as departmental feeds and
//             scripts send), rather than a redirect to a login page a machine cannot follow; a
//             signed-in person's session or bearer token is still read there, so the principal
//             still reaches the API. api/health stays reachable for probes.
//   /assets/* the pages' CSS, scripts and fonts: public files, cached; no reason to sign in for them.
//   /admin/*  the Functions host's admin API, which takes the master key (docs/operations.md).

param siteName string

@description('Application (client) id of the Entra ID app registration people sign in to.')
param clientId string

@description('Paths the platform lets through without a session.')
param excludedPaths string[] = [
  '/api/*'
  '/assets/*'
  '/admin/*'
]

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    login: {
      // Flex Consumption has no file system for the token store, and the app needs only the
      // claims of the sign-in, which the session carries.
      tokenStore: {
        enabled: false
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          // No client secret: the platform signs people in with an ID token (which carries
          // their app roles) and there is no secret to rotate.
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
  }
}

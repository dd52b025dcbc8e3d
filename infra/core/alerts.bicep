// Alert rules for the operators, over the Log Analytics workspace (Application Insights writes
// its AppRequests and AppTraces there; the storage account its queue write log), and an action
// group that e-mails them. Service managers get the app's own alerts (docs/alerts.md); these
// are about the service itself.

param namePrefix string
param location string
param tags { *: string } = {}

param logAnalyticsWorkspaceId string

@description('Address the alerts are e-mailed to; empty: the alerts still fire and show in the portal, and nobody is e-mailed.')
param alertEmail string = ''

@description('The poison queues: where the Functions host moves a message after its last failed delivery.')
param poisonQueues string[]

@description('Name of the hourly timer function that flags late usage feeds.')
param freshnessFunctionName string

@description('Start of the message the freshness check logs, up to its count of services: "Data freshness checked for {Count} services: {Late} late".')
param freshnessMessagePrefix string

@description('Failed invocations in 15 minutes above which the failure alert fires.')
@minValue(0)
param failureThreshold int = 0

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'takeup-ops'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var poisonQueueList = join(map(poisonQueues, q => '"${q}"'), ', ')

// The queue metrics have no queue dimension, so this reads the storage write log: a message
// put into a poison queue is a delivery the app gave up on.
resource poisonMessages 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-poison-messages'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Messages in a poison queue'
    description: 'A queue message failed every delivery and was moved to its -poison queue. docs/operations.md says how to look at it and run it again.'
    severity: 2
    enabled: true
    scopes: [
      logAnalyticsWorkspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageQueueLogs | where OperationName == "PutMessage" | extend Queue = tostring(split(tostring(split(Uri, "?")[0]), "/")[3]) | where Queue in (${poisonQueueList}) | summarize Messages = count() by Queue'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Messages'
          dimensions: [
            {
              name: 'Queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Function invocations that failed: an exception in a queue or timer function (it is retried,
// then poisoned) or a 5xx answer. A 4xx is a caller's mistake the API explains, not a failure.
resource failedInvocations 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-failed-invocations'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Failed function invocations'
    description: 'Function invocations failed in the last 15 minutes; the Failures view of Application Insights has the exceptions.'
    severity: 2
    enabled: true
    scopes: [
      logAnalyticsWorkspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'AppRequests | where Success == false and not(ResultCode startswith "4") | summarize Failures = count() by OperationName'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failures'
          dimensions: [
            {
              name: 'OperationName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: failureThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Usage feeds that stop arriving. The hourly check logs how many services' feeds are late for
// their expected frequency; it fires when the latest check counted any, or when the check
// itself has not succeeded for two hours (its request is never sampled away; its log line can be).
resource lateFeeds 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-late-usage-feeds'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Usage feeds late, or the freshness check not running'
    description: 'A service\'s usage feed is late for its expected frequency (the service\'s managers are alerted too), or ${freshnessFunctionName} has not succeeded in two hours.'
    severity: 3
    enabled: true
    scopes: [
      logAnalyticsWorkspaceId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT2H'
    criteria: {
      allOf: [
        {
          query: 'let late = AppTraces | where Message startswith "${freshnessMessagePrefix}" | parse Message with "${freshnessMessagePrefix}" Count:long " services: " Late:long " late" | summarize arg_max(TimeGenerated, Late) | where Late > 0 | project Problem = strcat(tostring(Late), " late usage feeds"); let notRun = AppRequests | where OperationName == "${freshnessFunctionName}" and Success == true | count | where Count == 0 | project Problem = "${freshnessFunctionName} has not succeeded in 2 hours"; union late, notRun'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

output actionGroupId string = actionGroup.id

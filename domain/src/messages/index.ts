// Human messages of every domain issue code in English and Chinese, shared by the API and the console.
export { issueMessages, issueTerms, type IssueCode, type IssueMessageKey, type LocalMessage } from './catalog.js';
export { describeIssue, fillMessage, messageFor, type DescribableIssue, type IssueNames, type MessageLocale } from './describe.js';

// The error body every route answers with lives in the contract (src/contract/errors.ts), with
// the schemas of requests and responses (src/contract/schemas/).
export { ErrorBody } from '../contract/errors.ts';

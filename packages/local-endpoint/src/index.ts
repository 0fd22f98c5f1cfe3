export {
  startLocalEndpoint,
  type LocalEndpoint,
  type LocalEndpointOptions,
  type RecordedRequest,
  type WireJob,
} from "./server.js";
export { everyKth, onRequests, combine, noFaults, type Fault, type FaultPlan } from "./faults.js";
export { asciiText, type JobsOptions, makeJobs, jobId, toWire } from "./jobs.js";
export { verifySigV4, type SigV4Key } from "./sigv4.js";

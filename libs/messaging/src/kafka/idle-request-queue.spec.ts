import { requestQueueClass, stopIdleRequestQueuePolling } from './idle-request-queue';

const silent = { debug: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined };

function queue() {
  const RequestQueue = requestQueueClass();
  return new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, clientId: 'spec', broker: 'b:9092', logger: silent });
}

describe('stopIdleRequestQueuePolling', () => {
  beforeAll(() => stopIdleRequestQueuePolling());

  it('arms no timer when nothing is pending and nothing throttles', () => {
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules the check for requests waiting behind a throttle', () => {
    const throttled = queue();
    throttled.pending.push({});
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(throttled.throttleCheckTimeoutId as NodeJS.Timeout);
  });

  it('is applied once however many clients are made', () => {
    const before = requestQueueClass().prototype.scheduleCheckPendingRequests;
    stopIdleRequestQueuePolling();
    expect(requestQueueClass().prototype.scheduleCheckPendingRequests).toBe(before);
  });
});

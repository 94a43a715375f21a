/**
 * The Web Worker of review.html (a webpack entry of its own, review-worker.js): each message is a
 * review request, answered by {@link handleReviewRequest}.
 */
import { handleReviewRequest, type ReviewRequest, type ReviewResponse } from './reviewInWorker';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: ReviewRequest }) => void): void;
  postMessage(message: ReviewResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  void handleReviewRequest(event.data, (response) => scope.postMessage(response));
});

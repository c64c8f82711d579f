// The part of autocannon's API the bench uses (it ships no types).
declare module 'autocannon' {
  interface Result {
    requests: { average: number; total: number };
    latency: { p99: number };
  }
  export default function autocannon(options: { url: string; connections?: number; duration?: number }): Promise<Result>;
}

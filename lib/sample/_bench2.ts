import { generateSample } from './generate-sample';
(async () => {
  const s = await generateSample({ out: '/tmp/cs-sample-check2', endDate: '2026-11-20', encrypt: false });
  console.log(s.millis, Math.round(process.memoryUsage().rss / 1e6), 'MB rss now', Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap');
})();

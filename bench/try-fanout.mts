import { benchFanout } from './fanout.js';
const r = await benchFanout({ nudges: Number(process.argv[2] ?? 2000), ratePerSec: Number(process.argv[3] ?? 2000) });
console.log(r);

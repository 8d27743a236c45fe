// Starts s3rver on 127.0.0.1 at a free port with one bucket and prints "s3rver <port>"; exits when stdin closes.
// Usage: node start.js <directory> <bucket>
'use strict';
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
const running = server.run().then((address) => {
  console.log(`s3rver ${address.port}`);
});
process.stdin.on('data', () => {});
process.stdin.on('end', () => running.finally(() => process.exit(0)));

// PostGraphile 5 asks for Node 22; this machine has Node 20, which lacks only
// Promise.withResolvers among what the meeting page uses. Loaded with `node --import`.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

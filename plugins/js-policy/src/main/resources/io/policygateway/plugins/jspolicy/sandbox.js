// Runs once in every new script context, before any policy script. Trusted gateway code.
// It receives two host callbacks, removes globals a policy script has no use for, builds the
// frozen `gateway` helper object, freezes every built-in object reachable from the global object
// (so no call can leave state behind for the next one) and returns the two driver functions the
// gateway calls: `describe(factory)` and `invoke(factory, hook, input, context)`.
(function (hostLog, hostHash) {
    'use strict';
    for (const name of ['Atomics', 'WeakRef', 'FinalizationRegistry']) {
        delete globalThis[name];
    }
    const parse = JSON.parse;
    const stringify = JSON.stringify;
    const ceil = Math.ceil;
    const toText = String;
    const hooks = ['onRequest', 'onResponse', 'onStreamChunk'];

    const gateway = {
        log(level, message) {
            hostLog(toText(level), toText(message));
        },
        estimateTokens(text) {
            const length = toText(text === undefined || text === null ? '' : text).length;
            return length === 0 ? 0 : ceil(length / 4);
        },
        hash(text) {
            return hostHash(toText(text));
        },
    };

    const roots = [
        globalThis,
        gateway,
        Object.getPrototypeOf([][Symbol.iterator]()),
        Object.getPrototypeOf(new Map()[Symbol.iterator]()),
        Object.getPrototypeOf(new Set()[Symbol.iterator]()),
        Object.getPrototypeOf(''[Symbol.iterator]()),
        Object.getPrototypeOf(/x/[Symbol.matchAll]('')),
        Object.getPrototypeOf([].values().map((value) => value)),
        Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })),
        Object.getPrototypeOf(function* generator() {}),
        Object.getPrototypeOf(async function asynchronous() {}),
        Object.getPrototypeOf(async function* asynchronousGenerator() {}),
        (function () { return Object.getOwnPropertyDescriptor(arguments, 'callee').get; })(),
    ];
    const seen = new Set();
    const pending = roots.slice();
    while (pending.length > 0) {
        const value = pending.pop();
        if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) {
            continue;
        }
        seen.add(value);
        pending.push(Object.getPrototypeOf(value));
        for (const key of Reflect.ownKeys(value)) {
            const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
            if (descriptor === undefined) {
                continue;
            }
            if ('value' in descriptor) {
                pending.push(descriptor.value);
            } else {
                pending.push(descriptor.get, descriptor.set);
            }
        }
        Object.freeze(value);
    }

    function describe(factory) {
        const defined = factory(gateway);
        return hooks.filter((hook) => typeof defined[hook] === 'function').join(',');
    }

    function invoke(factory, hook, input, context) {
        const defined = factory(gateway);
        const result = defined[hook](parse(input), parse(context));
        return stringify({ result: result === undefined ? null : result });
    }

    return Object.freeze([describe, invoke]);
})

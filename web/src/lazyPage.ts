import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page whose code the browser fetches the first time it is shown: the build puts each page module in a
 * chunk of its own, so the first page loads none of the others. Render it inside a Suspense boundary.
 */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType<any>>>(load: () => Promise<Module>, name: Name): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

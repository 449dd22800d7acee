import type { HtmlTagDescriptor, Plugin, Rollup } from "vite";

type Chunk = Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** `from` and every chunk it imports statically, transitively. */
function staticClosure(bundle: Rollup.OutputBundle, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (seen.has(file) || chunk?.type !== "chunk") return;
    seen.add(file);
    chunk.imports.forEach(visit);
  };
  visit(from);
  return seen;
}

/**
 * The start page (Train) is its own chunk so other routes do not carry it, but on a start at /train
 * its code used to be asked for only once the shell's script had run, a second round trip before
 * the page could show. This links it (and what it imports beyond the shell) from index.html as
 * `modulepreload`, so it downloads beside the shell's script; main.tsx then waits briefly for it
 * and the first paint is the usable page. `pageModule` is the page's source path (its end).
 */
export function startPagePreload(pageModule: string): Plugin {
  return {
    name: "spotter-start-page-preload",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === "chunk");
        const page = chunks.find((c) => c.facadeModuleId?.endsWith(pageModule));
        if (!page) throw new Error(`start-page-preload: no chunk for ${pageModule}`);
        const shell = staticClosure(bundle, entry.fileName);
        const files = [...staticClosure(bundle, page.fileName)].filter((f) => !shell.has(f));
        const css = files.flatMap((f) => [...((bundle[f] as Chunk).viteMetadata?.importedCss ?? [])]);
        const tags: HtmlTagDescriptor[] = [
          ...files.map((f) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${f}` },
          })),
          ...css.map((f) => ({
            tag: "link",
            attrs: { rel: "preload", as: "style", crossorigin: true, href: `/${f}` },
          })),
        ];
        return tags.map((t) => ({ ...t, injectTo: "head" as const }));
      },
    },
  };
}

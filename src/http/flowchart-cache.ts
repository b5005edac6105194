/** Flowcharts are laid out once per service version and language (layout is the costly part). */
import type { StoredOffice, StoredService } from '../db/standards-repo.js';
import { renderFlowchartSvg } from '../render/flowchart-svg.js';
import type { Lang } from './i18n.js';

export class FlowchartCache {
  private cache = new Map<string, Promise<string>>();

  get(office: StoredOffice, s: StoredService, lang: Lang): Promise<string | null> {
    const proc = s.service.procedure;
    if (!proc) return Promise.resolve(null);
    const key = `${s.versionId}:${office.versionId}:${lang}`;
    let svg = this.cache.get(key);
    if (!svg) {
      const roles = new Map(office.office.roles.map((r) => [r.id, r.name]));
      svg = renderFlowchartSvg(proc, { title: `${s.service.no}. ${s.service.title}`, lang, roleName: (id) => roles.get(id) ?? id });
      this.cache.set(key, svg);
      svg.catch(() => this.cache.delete(key));
    }
    return svg;
  }
}

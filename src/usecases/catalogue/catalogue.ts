/**
 * The public catalogue: a read model of the current standards, rebuilt from the database after
 * each load. API bodies are serialised once per version, since the catalogue is read far more
 * often than it changes.
 */
import type { Database } from '../../db/dialect.js';
import { readCurrentStandards, type StoredOffice, type StoredService } from '../../db/standards-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { officeNotFound, serviceNotFound } from '../../domain/standards/not-found.js';
import type { Service } from '../../domain/standards/schema.js';

export interface ServiceSummaryDto {
  slug: string;
  no: number;
  title: string;
  detailed: boolean;
  openForApplications: boolean;
  sla: { value: number | null; unit: string | null; maxValue: number | null; text: string } | null;
  fee: { amount: number; text: string } | null;
  product: { text: string; kind: string; validity: { value: number; unit: string; text: string } | null } | null;
  requirements: { id: string; label: string; kind: string; required: boolean }[];
}

export function serviceSummary(s: Service): ServiceSummaryDto {
  return {
    slug: s.slug,
    no: s.no,
    title: s.title,
    detailed: s.detailed,
    openForApplications: s.openForApplications,
    sla: s.sla ? { value: s.sla.value, unit: s.sla.unit, maxValue: s.sla.maxValue, text: s.sla.text } : null,
    fee: s.fee ? { amount: s.fee.amount, text: s.fee.text } : null,
    product: s.product ? { text: s.product.text, kind: s.product.kind, validity: s.product.validity } : null,
    requirements: s.requirements.map((r) => ({ id: r.id, label: r.label, kind: r.kind, required: r.required })),
  };
}

export function serviceDetail(office: StoredOffice, s: StoredService) {
  const svc = s.service;
  return {
    ...serviceSummary(svc),
    office: office.office.slug,
    heading: svc.heading ?? null,
    unit: svc.unit ?? null,
    initiators: svc.initiators,
    version: { id: s.versionId, number: s.version },
    components: svc.components.map((c) => ({ key: c.key, no: c.no ?? null, group: c.group, heading: c.heading, text: c.text })),
    serviceHours: svc.serviceHours ?? null,
    slaDetail: svc.sla,
    inputs: svc.inputs,
    eligibility: svc.eligibility,
    procedure: svc.procedure,
    otherProducts: svc.otherProducts,
    /** The service's own complaint channels; null when the office's apply. */
    complaintChannels: svc.complaints?.channels ?? null,
  };
}

export function officeProfile(o: StoredOffice) {
  const { office } = o;
  return {
    slug: office.slug,
    name: office.name,
    government: office.government,
    region: office.region,
    address: office.address,
    postalCode: office.postalCode ?? null,
    contacts: office.contacts,
    timezone: office.timezone,
    decree: office.decree,
    serviceHours: office.serviceHours,
    complaints: office.complaints,
    maklumat: office.maklumat ?? null,
    vision: office.vision ?? null,
    mission: office.mission ?? null,
    motto: office.motto ?? null,
    values: office.values ?? null,
    codeOfEthics: office.codeOfEthics ?? null,
    letterNumbering: office.letterNumbering,
    roles: office.roles,
    serviceCount: o.services.length,
    version: { id: o.versionId, number: o.version },
  };
}

export class Catalogue {
  private offices: StoredOffice[] = [];
  private bySlug = new Map<string, StoredOffice>();
  private byId = new Map<string, StoredOffice>();
  private json = new Map<string, string>();

  static async build(database: Database): Promise<Catalogue> {
    const c = new Catalogue();
    await c.refresh(database);
    return c;
  }

  async refresh(database: Database): Promise<void> {
    this.offices = await readCurrentStandards(database.db);
    this.bySlug = new Map(this.offices.map((o) => [o.office.slug, o]));
    this.byId = new Map(this.offices.map((o) => [o.id, o]));
    this.json.clear();
  }

  list(): StoredOffice[] {
    return this.offices;
  }

  office(slug: string): StoredOffice | undefined {
    return this.bySlug.get(slug);
  }

  /**
   * The office a row or a signed-in officer belongs to. Rows only ever name offices that were
   * loaded (foreign keys), so a miss is a broken invariant, not a user error: it throws.
   */
  officeById(id: string): StoredOffice {
    const o = this.byId.get(id);
    if (!o) throw new Error(`office ${id} is not in the catalogue`);
    return o;
  }

  /** An office by its public slug, or the one "office not found" failure. */
  findOffice(slug: string): Outcome<StoredOffice> {
    const o = this.bySlug.get(slug);
    return o ? { ok: true, value: o } : fail('not-found', officeNotFound(slug));
  }

  /** A service by office and service slug, or the one "not found" failure naming what is missing. */
  findService(officeSlug: string, serviceSlug: string): Outcome<{ office: StoredOffice; service: StoredService }> {
    const office = this.bySlug.get(officeSlug);
    if (!office) return fail('not-found', officeNotFound(officeSlug));
    const service = office.services.find((s) => s.service.slug === serviceSlug);
    return service ? { ok: true, value: { office, service } } : fail('not-found', serviceNotFound(officeSlug, serviceSlug));
  }

  service(officeSlug: string, serviceSlug: string): { office: StoredOffice; service: StoredService } | undefined {
    const office = this.bySlug.get(officeSlug);
    const service = office?.services.find((s) => s.service.slug === serviceSlug);
    return office && service ? { office, service } : undefined;
  }

  /** Serialised once per catalogue version. */
  cachedJson(key: string, make: () => unknown): string {
    let body = this.json.get(key);
    if (body === undefined) {
      body = JSON.stringify(make());
      this.json.set(key, body);
    }
    return body;
  }
}

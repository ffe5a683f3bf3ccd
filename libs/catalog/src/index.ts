export { CatalogModule } from './catalog.module';
export * from './contracts';

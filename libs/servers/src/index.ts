export { ServersModule } from './servers.module';

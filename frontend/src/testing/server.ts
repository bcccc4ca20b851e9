import { setupServer } from 'msw/node';
import { handlers } from './fake-gateway';

export const server = setupServer(...handlers);

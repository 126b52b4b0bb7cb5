/** Installs the tests' logging for every test file (see ./logs.ts). */
import { overrideLogging } from '../../adapters/logging.js';
import { testLogging } from './logs.js';

overrideLogging(testLogging());

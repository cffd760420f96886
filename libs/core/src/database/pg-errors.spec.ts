import { QueryFailedError } from 'typeorm';
import {
  isConnectionFailure,
  isDatabaseUnavailable,
  isDataError,
  isSerializationFailure,
  isUniqueViolation,
  pgErrorCode,
} from './pg-errors';

const coded = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('pg-errors', () => {
  it('reads the SQLSTATE from a bare error and from a QueryFailedError', () => {
    expect(pgErrorCode(coded('23505'))).toBe('23505');
    expect(pgErrorCode(wrapped(coded('22P02')))).toBe('22P02');
    expect(pgErrorCode(new Error('plain'))).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });

  it('tells a unique violation, a data error and a serialization failure apart', () => {
    expect(isUniqueViolation(wrapped(coded('23505')))).toBe(true);
    expect(isUniqueViolation(wrapped(coded('23503')))).toBe(false);
    expect(isDataError(wrapped(coded('22001')))).toBe(true);
    expect(isDataError(wrapped(coded('42P01')))).toBe(false);
    expect(isSerializationFailure(coded('40001'))).toBe(true);
    expect(isSerializationFailure(coded('40P01'))).toBe(true);
    expect(isSerializationFailure(coded('23505'))).toBe(false);
  });

  it.each([
    ['admin_shutdown', coded('57P01', 'terminating connection due to administrator command')],
    ['cannot_connect_now', coded('57P03', 'the database system is starting up')],
    ['connection_exception class', coded('08006')],
    ['refused', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['reset', coded('ECONNRESET')],
    ['dropped socket', new Error('Connection terminated unexpectedly')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pool wait timeout', new Error('timeout exceeded when trying to connect')],
    ['dropped socket inside a query', wrapped(new Error('Connection terminated unexpectedly'))],
  ])('recognises a connection failure: %s', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('counts statement timeouts as unavailable but not as connection failures', () => {
    const timeout = wrapped(coded('57014', 'canceling statement due to statement timeout'));
    expect(isConnectionFailure(timeout)).toBe(false);
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
  });

  it('leaves errors that are not about the connection alone', () => {
    expect(isDatabaseUnavailable(wrapped(coded('23505')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

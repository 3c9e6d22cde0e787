export * from './DbtErdApi';
export * from './DbtErdClient';

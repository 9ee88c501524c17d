// Probation: who is due, the probation cycle's period, and HR's decision with the employee-record changes it implies.
export * from './probation.js';

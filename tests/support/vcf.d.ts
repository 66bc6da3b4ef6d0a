/** The `vcf` package (an independent vCard parser, used to read exports back) ships no types. */
declare module 'vcf';

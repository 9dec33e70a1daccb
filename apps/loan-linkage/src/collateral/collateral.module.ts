import { Module } from '@nestjs/common';
import { IpAssetDeclaredHandler } from './events/ip-asset-declared.handler';

/** IP rights that may back loans, starting from what founders declare with their projects. */
@Module({
  providers: [IpAssetDeclaredHandler],
})
export class CollateralModule {}

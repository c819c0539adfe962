import type { DataSource, EntityManager } from "typeorm";
import { Role, User } from "./user.entity";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
}

export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
  }

  create(manager: EntityManager, input: NewUser): Promise<User> {
    const repo = manager.getRepository(User);
    return repo.save(repo.create({ email: input.email.trim().toLowerCase(), name: input.name.normalize("NFC"), role: input.role }));
  }
}
